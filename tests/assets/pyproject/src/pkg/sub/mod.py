GREETING = "hello from a module nested two levels down"

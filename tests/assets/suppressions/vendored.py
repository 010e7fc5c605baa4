# standards-lint: ignore-file[STY001] vendored from upstream, kept byte for byte
ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

# env: English. A key `area.rest` of the code is the message `area-rest` here.

## Web hosting: sites, MySQL prefix, environment variables, databases (SPEC §9)

env-title = Environment variables
env-help = For the whole site; read in PHP with getenv('NAME'). Name: A-Z, 0-9 and _, not starting with a digit; at most 100 variables, 4 KiB per value.
env-none = No environment variable.
env-name = Name
env-value = Value
env-secret = secret (masked once saved)
env-name_invalid = The name may contain only A-Z, 0-9 and _, and does not start with a digit.
env-name_too_long = Name too long (128 characters at most).
env-name_reserved = This name is reserved by the platform (for example PATH, HTTP_…, SERVER_…, PHP_…).
env-value_too_long = Value too long (4 KiB at most).
env-value_control = The value is one line, without control characters.
env-value_dollar_brace = The value may not contain ${ "{" } (Apache and PHP would replace it).
env-too_many = A site has at most 100 variables: remove one first.

module jwtvet.test/driver

go 1.26.0

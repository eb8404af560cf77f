package sharedkey

func (c *checker) checkTokenKinds()    {}

const doc = "report one jwt secret shared by environments or token kinds\n\nTODO"

package sharedkey

func (c *checker) checkBuildVariants()  {}
func (c *checker) checkEmbedded()       {}
func (c *checker) checkTokenKinds()     {}

const doc = "report one jwt secret shared by environments or token kinds\n\nTODO"

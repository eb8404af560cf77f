package jwtapi

// Each family file contributes its rows here. Adding a library means adding
// a file with its rows and listing it below; analyzers do not change.

func allFuncs() []*Func {
	var out []*Func
	out = append(out, golangJWTFuncs()...)
	return out
}

func allVars() []*Var {
	var out []*Var
	out = append(out, golangJWTVars()...)
	return out
}

func allTypes() []*Type {
	var out []*Type
	out = append(out, golangJWTTypes()...)
	return out
}

func allFields() []*Field {
	var out []*Field
	out = append(out, golangJWTFields()...)
	return out
}

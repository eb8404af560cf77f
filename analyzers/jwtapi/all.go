package jwtapi

// Each family file contributes its rows here. Adding a library means adding
// a file with its rows and listing it below; analyzers do not change.

func allFuncs() []*Func {
	var out []*Func
	out = append(out, golangJWTFuncs()...)
	out = append(out, joseFuncs()...)
	out = append(out, jwxFuncs()...)
	out = append(out, jwxV1Funcs()...)
	out = append(out, katarasFuncs()...)
	out = append(out, cristalhqFuncs()...)
	out = append(out, fositeFuncs()...)
	out = append(out, goKitFuncs()...)
	out = append(out, jwtauthFuncs()...)
	out = append(out, middlewareFuncs()...)
	out = append(out, oidcFuncs()...)
	out = append(out, keyfuncFuncs()...)
	out = append(out, headerKeyFuncs()...)
	out = append(out, echoMiddlewareFuncs()...)
	out = append(out, zitadelFuncs()...)
	return out
}

func allVars() []*Var {
	var out []*Var
	out = append(out, golangJWTVars()...)
	out = append(out, joseVars()...)
	out = append(out, jwxVars()...)
	out = append(out, jwxV1Vars()...)
	out = append(out, katarasVars()...)
	out = append(out, cristalhqVars()...)
	out = append(out, fositeVars()...)
	return out
}

func allTypes() []*Type {
	var out []*Type
	out = append(out, golangJWTTypes()...)
	out = append(out, joseTypes()...)
	out = append(out, jwxTypes()...)
	out = append(out, jwxV1Types()...)
	out = append(out, katarasTypes()...)
	out = append(out, cristalhqTypes()...)
	out = append(out, fositeTypes()...)
	out = append(out, remoteKeySetTypes()...)
	out = append(out, zitadelTypes()...)
	return out
}

func allFields() []*Field {
	var out []*Field
	out = append(out, golangJWTFields()...)
	out = append(out, joseFields()...)
	out = append(out, katarasFields()...)
	out = append(out, fositeFields()...)
	out = append(out, middlewareFields()...)
	out = append(out, oidcFields()...)
	out = append(out, headerKeyFields()...)
	out = append(out, echoMiddlewareFields()...)
	return out
}

package jwtapi

import "go/types"

// RandomFill is a standard-library call that fills a buffer with random
// bytes, or that returns random numbers a loop can store in a buffer one
// element at a time (b[i] = byte(r.Intn(256))).
type RandomFill struct {
	// Name "" stands for every function and method of Pkg: each number
	// it returns is an element source.
	Pkg, Recv, Name string
	// Buf is the argument the call fills; -1 for an element source.
	Buf int
	// Reader, when set, is the package whose Reader variable must be the
	// argument before Buf (io.ReadFull(rand.Reader, b)).
	Reader string
	// Predictable: the bytes follow from a seed an attacker can guess or
	// recover from a few outputs (math/rand).
	Predictable bool
}

var randomFills = []RandomFill{
	{Pkg: "crypto/rand", Name: "Read", Buf: 0},
	{Pkg: "io", Name: "ReadFull", Buf: 1, Reader: "crypto/rand"},
	{Pkg: "math/rand", Name: "Read", Buf: 0, Predictable: true},
	{Pkg: "math/rand", Recv: "Rand", Name: "Read", Buf: 0, Predictable: true},
	{Pkg: "math/rand/v2", Recv: "ChaCha8", Name: "Read", Buf: 0, Predictable: true},
	{Pkg: "math/rand", Buf: -1, Predictable: true},
	{Pkg: "math/rand/v2", Buf: -1, Predictable: true},
}

var randomFillIndex = func() map[modelKey]*RandomFill {
	m := make(map[modelKey]*RandomFill, len(randomFills))
	for i := range randomFills {
		r := &randomFills[i]
		m[key(r.Pkg, r.Recv, r.Name)] = r
	}
	return m
}()

// RandomFillOf returns the row of fn when fn fills a buffer with random
// bytes or returns random numbers, or nil.
func RandomFillOf(fn *types.Func) *RandomFill {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	if r := randomFillIndex[funcKey(fn)]; r != nil {
		return r
	}
	return randomFillIndex[key(fn.Pkg().Path(), "", "")]
}

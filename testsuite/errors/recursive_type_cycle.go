package main

type A B
type B A

type C struct{ d D }
type D struct{ e E }
type E struct{ c C }

func main() {}

package main

type T struct{ a []T; b *T; c T }

func main() {}

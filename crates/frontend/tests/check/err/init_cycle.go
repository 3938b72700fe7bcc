package main

var a = f()

func f() int { return a }

func main() {}

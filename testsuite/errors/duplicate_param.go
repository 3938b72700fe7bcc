package main

func f(a int, a string) {}

func main() {}

package main

func main() {
	const limit = 10
	limit = 5
}

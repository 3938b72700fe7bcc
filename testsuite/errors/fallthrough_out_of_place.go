package main

func main() {
	for {
		fallthrough
	}
}

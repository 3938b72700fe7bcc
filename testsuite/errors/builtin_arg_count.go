package main

func main() {
	_ = len()
	_ = len(1, 2)
	_ = new()
	copy()
	panic()
	_ = recover(1)
	_ = make()
	_ = append()
	_ = min()
}

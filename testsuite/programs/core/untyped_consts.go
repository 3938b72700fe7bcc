package main

import "fmt"

const Big = 1 << 100
const Small = Big >> 98
const Mask = 1<<64 - 1
const Neg = -5
const Hex = 0xFF_FF
const Bin = 0b1010_1010
const Oct = 0o755
const Dec = 1_000_000

const (
	A = 10
	B = A * 3
	C = B - A/4
)

const typed int32 = 77
const str = "const" + "ant"

func main() {
	fmt.Println(Small, Big>>90, Mask>>32)
	var u uint64 = Mask
	fmt.Println(u)
	fmt.Println(Neg, Neg/2, Neg%3, -Neg)
	fmt.Println(Hex, Bin, Oct, Dec)
	fmt.Println(A, B, C)
	fmt.Println(typed, typed*2)
	fmt.Printf("%T %T %T\n", typed, A, str)
	fmt.Println(str, len(str))
	var b byte = 255
	var i32 int32 = 1 << 30
	fmt.Println(b, i32)
	x := 7 / 2
	fmt.Println(x, 7%2, (7/2)*2)
}

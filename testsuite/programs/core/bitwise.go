package main

import "fmt"

func main() {
	a, b := 0b1100, 0b1010
	fmt.Println(a&b, a|b, a^b, a&^b, ^a, -a)
	var x uint8 = 0xF0
	var y uint8 = 0x3C
	fmt.Println(x&y, x|y, x^y, x&^y, ^x, ^y)
	var p uint64 = 0xFFFF0000FFFF0000
	var q uint64 = 0x0F0F0F0F0F0F0F0F
	fmt.Printf("%x %x %x %x %x\n", p&q, p|q, p^q, p&^q, ^p)
	var i32 int32 = 0x7f00ff00
	fmt.Println(i32&0xff, ^i32, i32^-1, i32&^0x7f000000)
	var n int64 = -1
	fmt.Println(n&0xff, n|0, n^n, n&^n, ^n)
	m := 0
	m |= 1 << 3
	m |= 1 << 5
	m ^= 1 << 3
	m &= 0xff
	m &^= 1 << 0
	fmt.Println(m)
	// parity and popcount by hand
	for _, v := range []uint{0, 1, 7, 255, 256, 1023, 0xABCDEF} {
		c := 0
		w := v
		for w != 0 {
			w &= w - 1
			c++
		}
		fmt.Printf("%d:%d:%x ", v, c, v&-v)
	}
	fmt.Println()
}

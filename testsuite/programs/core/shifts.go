package main

import "fmt"

func main() {
	x := 1
	for i := 0; i < 66; i += 5 {
		fmt.Print(x<<i, " ")
	}
	fmt.Println()
	var u uint64 = 0xdeadbeefcafebabe
	for _, n := range []uint{0, 1, 4, 8, 31, 32, 63, 64, 65, 200} {
		fmt.Println(n, u<<n, u>>n)
	}
	var neg int64 = -1000
	for i := uint(0); i < 70; i += 7 {
		fmt.Print(neg>>i, " ")
	}
	fmt.Println()
	var b uint8 = 0b1011_0001
	for i := 0; i < 10; i++ {
		fmt.Print(b<<i, ",", b>>i, " ")
	}
	fmt.Println()
	var s32 int32 = -2147483648
	fmt.Println(s32>>31, s32>>1, s32<<1, s32>>40)
	var cnt int = 3
	var y int32 = 5
	fmt.Println(y<<cnt, y>>cnt, 1<<cnt, 1024>>cnt)
	var c8 uint8 = 2
	var big uint64 = 1
	fmt.Println(big<<c8, big<<(c8*30))
	const k = 1 << 70 >> 68
	fmt.Println(k)
	var ui uint = 1
	ui <<= 63
	fmt.Println(ui, ui>>63, ui<<1)
	v := 0x1234
	v >>= 4
	fmt.Println(v)
	v <<= 12
	fmt.Println(v)
}

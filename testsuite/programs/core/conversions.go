package main

import "fmt"

func main() {
	var big int64 = 0x1_2345_6789
	fmt.Println(int32(big), uint8(big), uint64(big), int(big))
	var neg int = -1
	fmt.Println(uint8(neg), uint(neg), uint64(neg), int32(neg), int64(neg))
	var n32 int32 = -129
	fmt.Println(uint8(n32), int64(n32), uint64(n32), uint(n32))
	var b byte = 200
	fmt.Println(int32(b), int64(b), int(b)-256)
	var u uint64 = 18446744073709551615
	fmt.Println(int64(u), int32(u), uint8(u), int(u>>1))
	var x uint = 1 << 40
	fmt.Println(int32(x), uint8(x+300), int64(x))
	for _, v := range []int{127, 128, 255, 256, -128, -129} {
		fmt.Print(uint8(v), "/", int32(v), " ")
	}
	fmt.Println()
	sum := 0
	s := "ABCxyz"
	for i := 0; i < len(s); i++ {
		sum += int(s[i])
	}
	fmt.Println(sum)
	var c byte = s[3]
	c -= 32
	fmt.Println(c, int(c)-int(s[0]))
	var i32 int32 = 2147483647
	fmt.Println(int64(i32)+1, i32+1)
	fmt.Printf("%T %T %T\n", uint8(1), int32(1), uint64(1))
	const k = 1000
	fmt.Println(uint8(k%256), int32(k)*k)
}

package main

import "fmt"

func main() {
	fmt.Println(42, 0x2A, 0X2a, 0o52, 0O52, 0b101010, 0B101010)
	fmt.Println(1_000_000, 0x_FF, 0b_1111_0000, 0o_777)
	fmt.Println(0xFFFFFFFFFFFFFFF, 0x7FFFFFFFFFFFFFFF)
	var u uint64 = 0xFFFF_FFFF_FFFF_FFFF
	fmt.Println(u)
	fmt.Println(-0x80, -0b1, -0o10)
	fmt.Println(true, false, !true)
	var e []int = nil
	fmt.Println(e == nil)
	fmt.Println("interp\tstring", `raw\tstring`)
	fmt.Println("", ``, len(""), len(``))
	fmt.Println(0, 0x0, 0b0, 0o0)
	const huge = 0xFFFF_FFFF_FFFF_FFFF_FFFF
	fmt.Println(huge >> 64, huge&0xFF)
	var i8ish int32 = -0x7fff_ffff - 1
	fmt.Println(i8ish)
}

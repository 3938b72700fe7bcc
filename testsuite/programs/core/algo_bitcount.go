package main

import "fmt"

func popcount(x uint64) int {
	n := 0
	for x != 0 {
		n += int(x & 1)
		x >>= 1
	}
	return n
}

func popcountSWAR(x uint64) int {
	x = x - ((x >> 1) & 0x5555555555555555)
	x = (x & 0x3333333333333333) + ((x >> 2) & 0x3333333333333333)
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0f
	return int((x * 0x0101010101010101) >> 56)
}

func leadingZeros(x uint64) int {
	if x == 0 {
		return 64
	}
	n := 0
	for x&(1<<63) == 0 {
		x <<= 1
		n++
	}
	return n
}

func reverseBits(x uint8) uint8 {
	var r uint8
	for i := 0; i < 8; i++ {
		r = r<<1 | x&1
		x >>= 1
	}
	return r
}

func binary(x uint64, width int) string {
	s := ""
	for i := width - 1; i >= 0; i-- {
		if x>>uint(i)&1 == 1 {
			s += "1"
		} else {
			s += "0"
		}
	}
	return s
}

func main() {
	vals := []uint64{0, 1, 2, 3, 255, 256, 0xdeadbeef, 1 << 63, 18446744073709551615, 0x5555}
	for _, v := range vals {
		fmt.Println(v, popcount(v), popcountSWAR(v), leadingZeros(v))
	}
	total := 0
	for i := range uint64(1 << 16) {
		total += popcountSWAR(i)
	}
	fmt.Println("bits in 0..65535:", total)
	for _, b := range []uint8{1, 2, 0x0f, 0xa5, 0x80} {
		fmt.Println(binary(uint64(b), 8), binary(uint64(reverseBits(b)), 8))
	}
	var gray []string
	for i := uint64(0); i < 8; i++ {
		gray = append(gray, binary(i^(i>>1), 3))
	}
	fmt.Println(gray)
	subsets := 0
	set := uint(0b101101)
	for s := set; ; s = (s - 1) & set {
		subsets++
		if s == 0 {
			break
		}
	}
	fmt.Println("subsets:", subsets)
}

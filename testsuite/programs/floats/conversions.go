package main

import "fmt"

func conv(vals []float64) {
	for _, v := range vals {
		fmt.Println(v, int(v), int64(v), int32(v), int16(v), int8(v), uint(v), uint64(v), uint32(v), uint16(v), uint8(v), uintptr(v))
	}
}

func back() {
	ints := []int64{0, -1, 1 << 53, 1<<53 + 1, -1 << 63, 1<<63 - 1}
	for _, i := range ints {
		fmt.Println(i, float64(i), float32(i))
	}
	us := []uint64{1<<64 - 1, 1 << 63, 1<<63 + 1025, 12345}
	for _, u := range us {
		fmt.Println(u, float64(u), float32(u))
	}
	var u32 uint32 = 4294967295
	var i8 int8 = -128
	var u8 uint8 = 255
	fmt.Println(float64(u32), float32(u32), float64(i8), float64(u8))
}

func main() {
	var zero float64
	nan := zero / zero
	inf := 1 / zero
	conv([]float64{0, -0.9, 2.5, -2.5, 127.9, 128, 255.5, 256, -129, 65536.5, 2147483648, -2147483649,
		4294967296.5, 9.3e18, -9.3e18, 1.8e19, 1e20, -1e20, nan, inf, -inf})
	back()
	var d float64 = 1.0000000000000002
	var s float32 = float32(d)
	fmt.Println(d, s, float64(s), float32(0.1), float64(float32(0.1)))
	m := float32(3.4e38)
	fmt.Println(m*10, float32(1e-40), float32(1)/float32(3), -m*m)
}

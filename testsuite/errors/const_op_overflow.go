package main

const c8 uint8 = 200

func main() {
	a := int32(1) << 31
	b := c8 + 100
	d := uint8(256)
	var e int8Alias = -c8
	f := -uint(1)
	_, _, _, _, _ = a, b, d, e, f
}

type int8Alias = uint8

package main

import "fmt"

type Small int8

func (s Small) String() string { return fmt.Sprintf("Small(%d)", int8(s)) }

func wrap8(x int8) int8 { return x + 100 }

func report(label string, v any) {
	fmt.Printf("%s: %v (%T)\n", label, v, v)
}

func divide16(a, b int16) (q int16, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			q = -1
		}
	}()
	return a / b, nil
}

func counter() (n uint16) {
	defer func() { n += 65535 }()
	n = 3
	return n
}

func main() {
	var a int8 = 127
	a++
	fmt.Println(a, wrap8(100), -a, a/-1)
	var b int16 = -32768
	b--
	fmt.Println(b, b*2, b>>3, b<<1)
	var c uint16 = 0
	c--
	fmt.Println(c, c+2, c>>4, ^c, c<<12)
	var d uint32 = 1 << 31
	fmt.Println(d, d*2, d+d-1, ^uint32(0), d>>31)
	var p uintptr = 0xdeadbeef
	fmt.Println(p, p+1, uintptr(len("abc")))
	fmt.Printf("%d %x %X %o %b %v %T\n", a, b, c, d, int8(-5), p, p)
	fmt.Printf("%08b|%5d|%-5d|%+d|%x\n", uint8(a), int16(-7), uint16(9), int8(3), int8(-1))
	println(a, b, c, d, p)

	// Conversions truncate and sign- or zero-extend.
	x := 70000
	m1, big16 := int8(-1), 40000
	fmt.Println(int8(x), int16(x), uint16(x), uint32(x), uint32(-x), int8(x-70129), uint8(m1))
	fmt.Println(int64(m1), uint64(uint16(b)), int32(d), int16(uint16(big16)), int16(big16))

	// Shifts by large counts.
	var s uint = 20
	fmt.Println(int8(1)<<s, uint16(1)<<s, int16(-1)>>s, uint32(1)<<s, uint32(1)<<(s+12))

	q, err := divide16(7, 2)
	fmt.Println(q, err)
	var zero int16
	q, err = divide16(7, zero)
	fmt.Println(q, err)
	q, err = divide16(-32768, -1)
	fmt.Println(q, err)
	fmt.Println(counter())

	report("int8", int8(-8))
	report("uint32", uint32(4000000000))
	report("named", Small(5))
	var i any = uint16(7)
	switch v := i.(type) {
	case int16:
		fmt.Println("int16", v)
	case uint16:
		fmt.Println("uint16", v)
	}
	fmt.Println(i == any(uint16(7)), i == any(int16(7)))

	for k := int8(120); k > 0; k += 3 {
		defer fmt.Println("deferred", k)
	}
	xs := []uint16{1, 2, 65535}
	xs[2]++
	fmt.Println(xs, len(xs))
	type pair struct {
		lo int8
		hi uint32
	}
	pp := pair{-3, 3}
	defer fmt.Printf("%v %+v\n", pp, pp)
	pp.lo *= 50
	fmt.Println(pp)
	const big = 1 << 40
	fmt.Println(uint32(big>>20), int16(big>>30-1))
	panic(int16(-2))
}

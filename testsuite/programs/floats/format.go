package main

import "fmt"

type Celsius float64

func half(x float64) float64 { return x / 2 }

func main() {
	x := 1.5
	y := 2.0
	var z float32 = 0.1
	fmt.Println(x, y, x+y, x*y, x/y, x-y, -x, z, z*3, half(3))
	fmt.Println(0.1+0.2, 1e6, 1e21, 1e20, 123456789.0, 1e-5, 0.0001, 100.0)
	var zero float64
	fmt.Println(1/zero, -1/zero, zero/zero, -zero, 0*-1.0)
	fmt.Printf("%v %g %f %e %.2f %8.3f|%-8.2e|%+.1f %G %E\n", x, x, x, x, 3.14159, 2.5, 12345.678, 2.25, 1e-10, 1e22)
	fmt.Printf("%T %T %T %v\n", x, z, Celsius(3), Celsius(37.5))
	fmt.Println(int(x), int64(-x), uint8(y), float64(7)/2, float32(x))
	println(x, z, 1e100, -0.5)
	var i any = 2.5
	switch v := i.(type) {
	case int:
		fmt.Println("int", v)
	case float64:
		fmt.Println("float64", v)
	}
	fmt.Println(i == 2.5, x < y, x == 1.5, zero/zero == zero/zero)
	const c = 0.1 * 3
	fmt.Println(c == 0.3, c)
	fmt.Printf("%5.1f|%05.1f|%x|%d\n", -2.0, 3.0, 1.0, 2.0)
}

func init() {
	fmt.Printf("%x %X %.2x %b %x %x %x\n", 1.0, -3.75, 1.999, 8.0, float32(0.1), 5e-324, 0.0)
	fmt.Printf("%6.2f|%-7.1e|%+g|% g|%010.3f|%-10v|%10v\n", 3.14159, 1234.5, 2.0, 2.0, -3.14159, 1.5, float32(2.5))
	fmt.Printf("%.0f %.0f %.0f %.3g %.10g %g %g\n", 0.5, 1.5, 2.5, 1234567.0, 1.0/3, 1e-7, 123456789.0)
	fmt.Println(float32(1)/3, float32(16777217), 3.4028234663852886e38, float32(1e-45))
	fmt.Println(1e300*1e300 > 0, 5e-324/2)
}

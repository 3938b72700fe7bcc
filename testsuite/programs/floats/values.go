package main

import "fmt"

var g = 1.5
var h float32 = 2.25
var table = []float64{0.5, 1.5, 2.5}

const (
	a = iota * 1.5
	b
	c
)

type P struct {
	X, Y float64
}

func (p P) Scale(k float64) P { return P{p.X * k, p.Y * k} }

func classify(x float64) string {
	switch x {
	case 0:
		return "zero"
	case 1.5, 2.5:
		return "half"
	}
	switch {
	case x < 0:
		return "neg"
	case x > 100:
		return "big"
	}
	return "other"
}

func main() {
	fmt.Println(g, h, table, a, b, c)
	p := P{1, 2}
	q := p.Scale(1.5)
	fmt.Println(p, q, p == q, p == P{1, 2}, q.X)
	for _, x := range []float64{0, 1.5, -3, 1e9, 7} {
		fmt.Print(classify(x), " ")
	}
	fmt.Println()
	m := min(3.5, 2.0, 7)
	fmt.Println(m, max(1.0, 2.5))
	var x, y float64 = 3, 4
	fmt.Println(min(x, y), max(x, y))
	s := 0.0
	for i := 0; i < 10; i++ {
		s += 0.1
	}
	fmt.Println(s, s == 1, float32(s) == 1)
	var k float64 = 10
	k -= 0.5
	k *= 2
	k /= 4
	k++
	fmt.Println(k, -k, +k)
	fmt.Printf("%6.2f%%\n", 99.5)
	fmt.Println(fmt.Sprintf("%v|%v", []float32{0.1, 1e-8}, [](float64){1e21, 1e20}))
	var pf *float64 = &x
	*pf += 0.5
	fmt.Println(x, *pf)
	z := new(float32)
	*z = 1.25
	fmt.Println(*z)
	fmt.Println(7.0/2, 7/2, 7/2.0, 1<<3+0.5, 'a'*1.5)
}

func init() {
	var zero float64
	nan := zero / zero
	negz := -zero
	fmt.Println(min(1.0, nan, 3), max(nan, 2.0), min(2.0, nan), min(zero, negz), max(negz, zero), min(negz, zero), max(zero, negz))
	fmt.Println(min(2, 1.5), max(float32(2), 3), min(5.5, 2, 3))
}

func init() {
	s := []int{10, 20, 30}
	t := make([]int, 2.0, 3e0)
	fmt.Println(s[1.0], t, s[:2.0], 7.0>>1, 1<<2.0)
}

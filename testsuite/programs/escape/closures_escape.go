package main

import "fmt"

type counter struct {
	inc func() int
}

var saved func() int
var savedList []func() int

func makeCounter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func storeGlobal(start int) {
	n := start
	saved = func() int {
		n += 2
		return n
	}
}

func storeSlice(k int) {
	for i := 0; i < k; i++ {
		savedList = append(savedList, func() int { return i * i })
	}
	x := 7
	savedList = append(savedList, func() int { x++; return x })
}

func inStruct(v int) counter {
	m := v
	return counter{inc: func() int { m *= 2; return m }}
}

func viaParam(f func() int) func() int {
	return f
}

func passedThrough() func() int {
	q := 40
	return viaParam(func() int { q++; return q })
}

func local() int {
	t := 3
	f := func() int { t++; return t }
	f()
	f()
	return t
}

func apply(f func(int) int, n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += f(i)
	}
	return s
}

func callback(k int) int {
	return apply(func(i int) int { return i * k }, 5)
}

func nested() func() int {
	a := 1
	inner := func() func() int {
		return func() int { a += 10; return a }
	}
	return inner()
}

func clobber(d int) int {
	a, b, c, e := d, d*2, d*3, d*4
	f := func() int { return a + b + c + e }
	if d == 0 {
		return f()
	}
	return clobber(d-1) + f()
}

func main() {
	c1 := makeCounter()
	c2 := makeCounter()
	storeGlobal(10)
	storeSlice(3)
	st := inStruct(3)
	pt := passedThrough()
	nf := nested()
	fmt.Println(clobber(30))
	fmt.Println(c1(), c1(), c2(), c1())
	fmt.Println(saved(), saved())
	for _, f := range savedList {
		fmt.Print(f(), " ")
	}
	fmt.Println(savedList[3]())
	fmt.Println(st.inc(), st.inc(), pt(), pt(), nf(), nf())
	fmt.Println(local(), callback(3), clobber(4))
}

package main

import "fmt"

func info(name string, s []int) {
	fmt.Printf("%-6s len=%d cap=%d %v\n", name, len(s), cap(s), s)
}

func main() {
	base := make([]int, 10, 12)
	for i := range base {
		base[i] = i
	}
	info("base", base)
	a := base[2:5]
	info("a", a)
	b := a[1:]
	info("b", b)
	c := a[:cap(a)]
	info("c", c)
	d := base[:0]
	info("d", d)
	e := base[10:]
	info("e", e)
	f := base[10:12]
	info("f", f)
	a[0] = 100
	b[0] = 200
	info("base", base)
	g := base[:]
	g[9] = -9
	fmt.Println(base[9])
	h := base[3:3]
	info("h", h)
	h = append(h, 333)
	info("base", base)
	i := base[5:7]
	i = append(i, 55, 66)
	info("i", i)
	info("base", base)
	j := base[8:]
	j = append(j, 1, 2, 3, 4, 5)
	j[0] = 888
	info("j", j[:6])
	info("base", base)
	str := "slicing strings"
	fmt.Println(str[0:7], str[8:], str[:0] == "", len(str[3:9]))
	lo, hi := 2, 6
	fmt.Println(str[lo:hi], base[lo:hi])
}

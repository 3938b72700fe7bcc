package main

import (
	"fmt"
)

type Set map[string]bool

func (s Set) Add(k string) { s[k] = true }
func (s Set) Has(k string) bool { return s[k] }

var global = map[string]int{"g": 1}

type holder struct {
	m map[int]string
}

func main() {
	s := Set{}
	s.Add("x")
	fmt.Println(s.Has("x"), s.Has("y"), s, len(s))
	fmt.Printf("%T %v\n", s, map[string]bool(s))
	global["h"]++
	fmt.Println(global)
	h := holder{m: map[int]string{}}
	h.m[1] = "one"
	hp := &h
	hp.m[2] = "two"
	fmt.Println(h, *hp)
	fmt.Printf("%+v %v\n", h, &global)
	fs := map[string]func(int) int{"dbl": func(x int) int { return 2 * x }}
	fmt.Println(fs["dbl"](21))
	m := map[int]int{1: 10, 2: 20}
	m[1], m[2] = m[2], m[1]
	fmt.Println(m)
	var k, v int
	for k, v = range map[int]int{7: 70} {
	}
	fmt.Println(k, v)
	dst := map[int]int{}
	for k, dst[k] = range map[int]int{5: 50} {
	}
	fmt.Println(dst)
	x := 5
	pm := map[string]*int{}
	pm["x"] = &x
	*pm["x"] = 6
	fmt.Println(x)
	ms := map[string][]int{}
	ms["a"] = append(ms["a"], 1, 2, 3)
	fmt.Println(ms, len(ms["a"]), len(ms["zz"]))
	mm := map[string]map[string]int{"a": nil}
	fmt.Println(mm["a"]["b"], mm["q"]["r"])
	type E struct{}
	em := map[E]E{{}: {}}
	fmt.Println(em, len(em))
	bm := map[uint8]int32{255: -1, 0: 1}
	fmt.Println(bm)
	fmt.Printf("%x %q\n", map[string]int{"a": 255}, map[string]string{"k": "v"})
}

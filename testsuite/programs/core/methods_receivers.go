package main

import "fmt"

type Vec struct {
	X, Y int
}

func (v Vec) Add(o Vec) Vec    { return Vec{v.X + o.X, v.Y + o.Y} }
func (v Vec) Scaled(k int) Vec { v.X *= k; v.Y *= k; return v }
func (v Vec) Len2() int        { return v.X*v.X + v.Y*v.Y }
func (v *Vec) Scale(k int)     { v.X *= k; v.Y *= k }
func (v *Vec) Reset()          { *v = Vec{} }
func (v Vec) TryMutate()       { v.X = -1000 }

type Stack struct {
	items []int
}

func (s *Stack) Push(v int) { s.items = append(s.items, v) }
func (s *Stack) Pop() int {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}
func (s Stack) Len() int     { return len(s.items) }
func (s *Stack) Empty() bool { return s.Len() == 0 }

type Celsius int

func (c Celsius) Fahrenheit() int { return int(c)*9/5 + 32 }
func (c *Celsius) Warm(d int)     { *c += Celsius(d) }

func main() {
	v := Vec{1, 2}
	w := v.Add(Vec{3, 4})
	fmt.Println(v, w, w.Len2())
	v.Scale(3)
	fmt.Println(v)
	v.TryMutate()
	fmt.Println(v)
	fmt.Println(v.Scaled(2), v)
	p := &v
	fmt.Println(p.Len2(), p.Add(Vec{1, 1}))
	p.Scale(-1)
	fmt.Println(v, *p)
	p.Reset()
	fmt.Println(v)
	vs := []Vec{{1, 1}, {2, 2}}
	vs[1].Scale(5)
	fmt.Println(vs)
	var s Stack
	for i := range 6 {
		s.Push(i * i)
	}
	fmt.Println(s.Len(), s.Empty())
	for !s.Empty() {
		fmt.Print(s.Pop(), " ")
	}
	fmt.Println()
	ps := &Stack{}
	ps.Push(1)
	fmt.Println(ps.Len(), (*ps).Len())
	var c Celsius = 100
	fmt.Println(c.Fahrenheit())
	c.Warm(-60)
	fmt.Println(c, c.Fahrenheit())
	cs := []Celsius{-40, 0, 37}
	for _, t := range cs {
		fmt.Print(t.Fahrenheit(), " ")
	}
	fmt.Println()
	fmt.Printf("%v %d %T\n", c, c, c)
}

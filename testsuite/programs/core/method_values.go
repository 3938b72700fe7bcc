package main

import "fmt"

type Acc struct {
	Total int
	Name  string
}

func (a *Acc) Add(n int) int { a.Total += n; return a.Total }
func (a Acc) Get() int       { return a.Total }
func (a Acc) Label(p string) string {
	return p + ":" + a.Name
}

func apply(f func(int) int, xs []int) []int {
	var out []int
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	a := Acc{Name: "acc"}
	add := a.Add
	fmt.Println(add(1), add(2), add(3))
	fmt.Println(a.Total)
	get := a.Get // receiver copied now
	a.Total = 100
	fmt.Println(get(), a.Get())
	label := a.Label
	a.Name = "renamed"
	fmt.Println(label("x"), a.Label("y"))
	p := &a
	getp := p.Get // *p copied now
	p.Total = 7
	fmt.Println(getp(), p.Get())
	fmt.Println(apply(a.Add, []int{1, 10, 100}))
	fmt.Println(a.Total)
	fs := []func() int{a.Get, p.Get}
	a.Total = -1
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	accs := []*Acc{{Name: "a"}, {Name: "b"}}
	var adders []func(int) int
	for _, x := range accs {
		adders = append(adders, x.Add)
	}
	adders[0](5)
	adders[1](6)
	adders[0](7)
	fmt.Println(accs[0].Total, accs[1].Total)
}

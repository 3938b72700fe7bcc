package main

import "fmt"

type Vec [3]int

func (v Vec) Sum() int { return v[0] + v[1] + v[2] }
func (v *Vec) Scale(k int) {
	for i := range v {
		v[i] *= k
	}
}
func (v Vec) String() string { return fmt.Sprintf("<%d,%d,%d>", v[0], v[1], v[2]) }

type counter struct{ n int }

func (c *counter) inc() { c.n++ }

type pair struct {
	a [2]int
	s string
}

var table = [...]string{"zero", "one", "two"}
var grid [2][3]int

func mk(n int) [3]int {
	fmt.Println("mk", n)
	return [3]int{n, n + 1, n + 2}
}

func main() {
	v := Vec{1, 2, 3}
	fmt.Println(v, v.Sum(), len(v))
	defer v.Scale(100)
	defer fmt.Println("deferred value", v)
	defer func() { fmt.Println("deferred closure", v) }()
	v.Scale(2)
	fmt.Printf("%v %s %d\n", v, v, v)
	var plain [3]int = [3]int(v)
	fmt.Println(plain, Vec(plain) == v)
	fmt.Println(table, len(table), table[2])
	grid[1][2] = 7
	row := grid[1]
	row[0] = 9
	grid[0] = row
	fmt.Println(grid)
	fmt.Println(mk(1)[2], len(mk(2)))
	for i, x := range mk(3) {
		fmt.Println(i, x)
	}
	var empty [0]int
	fmt.Println(empty, len(empty), empty == [0]int{})
	var cs [3]counter
	cs[1].inc()
	cs[1].inc()
	for i := range cs {
		cs[i].inc()
	}
	fmt.Println(cs)
	var a [5]int
	a[1]++
	a[2] += 5
	u := uint8(3)
	a[u] = 3
	n := copy(a[:], []int{9, 8})
	s := append(a[:2], 77)
	fmt.Println(a, n, s, len(s), cap(s))
	p := new([3]int)
	p[0] = 1
	q := &[3]int{4, 5, 6}
	fmt.Println(*p, *q, p, q)
	fmt.Printf("%v %+v %T\n", q, pair{a: [2]int{1, 2}, s: "x"}, q)
	pa := pair{a: [2]int{1, 2}}
	pb := pa
	pb.a[1] = 3
	fmt.Println(pa == pb, pa, pb)
	rows := [][2]int{{1, 2}}
	rows = append(rows, [2]int{3, 4})
	for _, r := range rows {
		fmt.Println(r, r[1])
	}
	var x any = v
	switch t := x.(type) {
	case [3]int:
		fmt.Println("plain", t)
	case Vec:
		fmt.Println("vec", t, t.Sum())
	}
	var y any = [2]any{1, []int{2}}
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		if e, ok := r.(error); ok {
			fmt.Println(e.Error() != "")
		}
	}()
	fmt.Println(y == y)
}

// A tour of Go's syntax, in and out of the subset: everything here must parse.
package main

import (
	"errors"
	f "fmt"
	. "os"
	_ "testing"
)

import "strings"

const Pi = 3.14159

const (
	A = iota
	B
	C, D = iota * 2, iota * 3
	E, F
)

const typed int64 = 1 << 40

var (
	x, y int = 1, 2
	z        = "z"
	w    []byte
)

var single = map[string][]int{"a": {1, 2}, "b": nil}

type Point struct {
	X, Y int `json:"x"`
	Name string
	*Embedded
	f.Stringer
	next *Point
}

type Embedded struct{}

type (
	Celsius float64
	Alias   = int
	Fn      func(int, string) (bool, error)
	Named   func(a, b int) (sum int, err error)
	Ch      chan<- int
	RCh     <-chan []int
	Arr     [4]int
	Arr2    [2 * N][N]byte
	M       map[Point]*[]string
	I       interface {
		M(x int) string
		f.Stringer
	}
	Empty interface{}
	List[T any] struct {
		head *node[T]
	}
	Num interface{ ~int | ~int64 | float64 }
	Pair[K comparable, V any] struct {
		k K
		v V
	}
)

type node[T any] struct{ v T }

const N = 3

//go:noinline
func add(a, b int) int { return a + b }

//go:nosplit
//go:noinline
func (p *Point) Move(dx, dy int) {
	p.X += dx
	p.Y += dy
}

func (Point) String() string { return "p" }

func Map[T, U any](s []T, fn func(T) U) []U {
	out := make([]U, 0, len(s))
	for _, v := range s {
		out = append(out, fn(v))
	}
	return out
}

func variadic(prefix string, rest ...int) (n int, err error) {
	return len(rest), nil
}

func unnamed(int, string, ...bool) {}

func external(x int) int

func results() (int, error) { return 0, errors.New("x") }

func main() {
	var a int
	var b, c = 1, "two"
	var (
		d int
		e = 5
	)
	const k = 10
	type local struct{ v int }
	_, _, _, _, _ = a, b, c, d, e
	g := Point{X: 1, Y: 2}
	h := &Point{1, 2, "n", nil, nil, nil}
	ps := []Point{{X: 1}, {Y: 2}}
	pps := []*Point{{X: 1}, &Point{}}
	mm := map[string]Point{"a": {X: 1}}
	arr := [...]int{1, 2, 3}
	arr2 := [3]int{0: 1, 2: 3}
	nested := [][]int{{1}, {2, 3}}
	anon := struct{ a, b int }{1, 2}
	_ = []interface{}{1, "a"}
	_ = List[int]{}
	_ = Map[int, string](nil, func(i int) string { return "" })
	_, _, _, _, _, _, _, _, _ = g, h, ps, pps, mm, arr, arr2, nested, anon

	s := []byte("abc")
	r := []rune(string(s))
	ip := (*int)(nil)
	fn := (func())(nil)
	u := uint8(200) + byte(1)
	any1 := interface{}(1)
	_, _, _, _, _, _ = s, r, ip, fn, u, any1
	sl := s[1:2]
	sl = s[:]
	sl = s[1:]
	sl = s[:2]
	sl = s[0:1:2]
	sl = s[:1:2]
	_ = sl

	v := any(3)
	if n, ok := v.(int); ok && n > 0 || !ok {
		f.Println(n)
	} else if s, ok := v.(string); ok {
		f.Println(s)
	} else {
		f.Println("other")
	}
	switch t := v.(type) {
	case int, int64:
		f.Println(t)
	case []int, map[string]int, *Point, func(), chan int:
	case nil:
	default:
	}
	switch v.(type) {
	}
	switch x := 5; {
	case x > 3:
		fallthrough
	case x > 1:
	}
	switch {
	}
	switch x := 1; x {
	case 1, 2:
	}
	switch g.X {
	default:
	}

	for {
		break
	}
	for i := 0; i < 10; i++ {
		continue
	}
	for a < 10 {
		a++
	}
	for ; ; a-- {
		break
	}
	for i := range 10 {
		_ = i
	}
	for range 3 {
	}
	for i, v := range []int{1, 2} {
		_, _ = i, v
	}
	var key, val int
	for key, val = range []int{1} {
	}
	for key = range arr {
	}
	_, _ = key, val
	for g.X < len(ps) {
		break
	}
	for _, p := range ps {
		_ = p
	}

outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
		}
	}
	goto end
end:

	defer f.Println("deferred")
	defer func() {
		if r := recover(); r != nil {
			f.Println(r)
		}
	}()
	go add(1, 2)

	ch := make(chan int, 1)
	ch <- 1
	<-ch
	select {
	case v := <-ch:
		_ = v
	case ch <- 2:
	case <-ch:
	default:
	}

	a = 1
	a += 2
	a -= 1
	a *= 3
	a /= 2
	a %= 5
	a &= 7
	a |= 8
	a ^= 1
	a <<= 2
	a >>= 1
	a &^= 4
	a, b = b, a
	x := -a + +a*^a - a&^b<<1>>2%3/1 | a ^ b&a
	bb := !(a == b) && a != b || a < b && a <= b || a > b && a >= b
	_, _ = x, bb
	p := &g
	(*p).X = 3
	p.X++
	*p = Point{}
	arr[0]--
	f.Printf("%d %v\n", 1, []any{1}...)
	_, _ = variadic("p", []int{1, 2}...)
	_ = f.Sprint(
		1,
		2,
	)
	_ = 'a' + '\n' + '\x00' + '\u00e9'
	_ = 0x_FF + 0o17 + 017 + 0b101 + 1_000
	_ = 1.5 + 1e3 + .5 + 2i
	_ = `raw
string`
	lit := func(x int) (int, error) { return x, nil }
	_ = lit
	{
		inner := 1
		_ = inner
	}
	;
	if x := g; x.X == 0 {
	}
	if (Point{}) == g {
	}
	_ = strings.ToUpper
	Exit(0)
}

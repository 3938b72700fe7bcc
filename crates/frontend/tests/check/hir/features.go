package main

import (
	"errors"
	"fmt"
	"os"
)

type Celsius int

type Point struct {
	X, Y int
	f    func(int) int
}

type MyErr struct{ code int }

func (e MyErr) Error() string { return fmt.Sprintf("code %d", e.code) }

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const mask = 1<<3 - 1

func (d Weekday) String() string { return []string{"Sun", "Mon", "Tue"}[d] }

func divmod(a, b int) (q, r int) {
	q, r = a/b, a%b
	return
}

func find(xs []int, v int) (int, error) {
	for i, x := range xs {
		if x == v {
			return i, nil
		}
	}
	return -1, MyErr{404}
}

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprint("int-ish ", x)
	case string:
		return "string " + x
	case error:
		return "error " + x.Error()
	default:
		return "other"
	}
}

func main() {
	var n uint = 3
	s := 1 << n
	var u8 uint8 = 1<<n + 1
	fmt.Println(s, u8, mask, min(3, 1, 2), max("a", "b"), min(2, 'a'))
	b := []byte("hello")
	b = append(b, " world"...)
	k := copy(b, "HE")
	fmt.Println(string(b), k, string(rune(65)), Celsius(30))
	pts := []*Point{{X: 1}, {2, 3, nil}}
	pts[0].f = func(i int) int { return i * pts[1].Y }
	fmt.Println(pts[0].f(2), len(pts))
	idx := []int{5: 1, 2, 0: 7}
	fmt.Println(idx, cap(idx[1:3:4]))
	var e error = MyErr{1}
	var a any = 3
	fmt.Println(e != nil, a == 3, e == MyErr{1}, classify(e), classify(nil))
	if me, ok := e.(MyErr); ok {
		fmt.Println(me.code)
	}
	q, r := divmod(7, 3)
	fmt.Println(q, r)
	fmt.Println(divmod(9, 4))
	_, err := find([]int{1, 2}, 5)
	if err != nil {
		fmt.Println(err)
	}
	err = errors.New("boom")
outer:
	for i := range 10 {
		switch {
		case i == 2:
			continue
		case i > 4:
			break outer
		}
		fmt.Print(i)
	}
	fmt.Println()
	var p *Point
	if p == nil {
		p = new(Point)
	}
	p.X++
	p.Y += 2
	fmt.Printf("%v %d\n", *p, Monday)
	defer fmt.Println("deferred", err)
	defer func() {
		if r := recover(); r != nil {
			println("recovered")
			os.Exit(3)
		}
	}()
	var grid [][]int
	grid = append(grid, []int{1}, nil)
	grid[0] = append(grid[0], grid[0]...)
	fmt.Println(grid, Sunday, Tuesday)
}

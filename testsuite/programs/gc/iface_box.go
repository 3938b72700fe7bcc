package main

import "fmt"

// Values kept only through interface boxes (a struct copied into a box, an error
// value, a slice of interfaces) across collections.

type point struct {
	x, y int
	tag  string
	prev *point
}

type myErr struct {
	code int
	msg  string
}

func (e *myErr) Error() string { return fmt.Sprint("err ", e.code, ": ", e.msg) }

func churn(seed int) int {
	s := 0
	for i := 0; i < 3000; i++ {
		var v interface{} = point{x: i, y: seed, tag: fmt.Sprint("t", i)}
		buf := make([]interface{}, 128)
		buf[i%128] = v
		s += buf[i%128].(point).x
	}
	return s
}

func makeBoxes() []interface{} {
	return []interface{}{
		point{1, 2, "first", &point{x: -1, tag: "behind"}},
		"a string " + fmt.Sprint(42),
		[]int{7, 8, 9},
		error(&myErr{404, fmt.Sprint("not ", "found")}),
	}
}

func main() {
	var held interface{} = point{3, 4, fmt.Sprint("boxed", 1), nil}
	var err error = &myErr{1, fmt.Sprint("only in ", "an error")}
	boxes := makeBoxes()
	churn(1)
	p := held.(point)
	fmt.Println(p.x, p.y, p.tag)
	fmt.Println(err)
	for _, b := range boxes {
		if q, ok := b.(point); ok {
			fmt.Println(q.x, q.y, q.tag, q.prev.tag)
			continue
		}
		fmt.Println(b)
	}
	fmt.Println(boxes[0].(point).prev.tag)
}

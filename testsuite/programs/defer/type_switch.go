package main

import (
	"errors"
	"fmt"
)

type Point struct{ X, Y int }

func kind(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v (%T)", x, x)
	case string:
		return "string of length " + fmt.Sprint(len(x))
	case bool:
		return fmt.Sprint("bool ", !x, " negated")
	case error:
		return "error: " + x.Error()
	case Point:
		return fmt.Sprint("point ", x.X*x.Y)
	case *Point:
		x.X++
		return fmt.Sprint("point pointer ", x.X)
	case func() int:
		return fmt.Sprint("func returning ", x())
	default:
		return fmt.Sprintf("something else: %T", x)
	}
}

func noBind(v any) int {
	switch v.(type) {
	case int:
		return 1
	case string, bool:
		return 2
	}
	return 0
}

func main() {
	p := &Point{1, 2}
	vals := []any{nil, 42, int64(-7), "hello", true, errors.New("bad"), fmt.Errorf("code %d", 3),
		Point{3, 4}, p, p, func() int { return 9 }, uint8(1), []int{1}, int32(5)}
	for i, v := range vals {
		fmt.Println(i, kind(v))
	}
	fmt.Println(p.X)
	fmt.Println(noBind(1), noBind("s"), noBind(false), noBind(nil), noBind(2 > 1))
	var err error = errors.New("as error")
	switch e := err.(type) {
	case nil:
		fmt.Println("no error")
	default:
		fmt.Println("error type", e.Error())
	}
	err = nil
	switch err.(type) {
	case nil:
		fmt.Println("nil error")
	default:
		fmt.Println("unexpected")
	}
	var five any = 5
	switch x := five.(type) {
	case int:
		fmt.Println("init form", x+1)
	}
}

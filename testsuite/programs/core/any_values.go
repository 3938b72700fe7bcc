package main

import "fmt"

type Pt struct{ X, Y int }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", x)
	case string:
		return fmt.Sprintf("string %q len %d", x, len(x))
	case bool:
		if x {
			return "bool yes"
		}
		return "bool no"
	case Pt:
		return fmt.Sprintf("Pt sum %d", x.X+x.Y)
	case *Pt:
		return fmt.Sprintf("*Pt %d", x.X)
	case []int:
		return fmt.Sprintf("slice of %d", len(x))
	case uint8, int32:
		return fmt.Sprintf("small %v %T", x, x)
	case error:
		return "error " + x.Error()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	vals := []any{nil, 1, "hi", true, false, Pt{1, 2}, &Pt{3, 4}, []int{1, 2, 3}, uint8(7), int32(-1), uint64(9), fmt.Errorf("bad %d", 1), []string{}}
	for _, v := range vals {
		fmt.Println(describe(v))
	}
	var a any
	fmt.Println(a == nil, a)
	a = 5
	fmt.Println(a == nil, a)
	n, ok := a.(int)
	fmt.Println(n, ok)
	s, ok := a.(string)
	fmt.Printf("%q %v\n", s, ok)
	a = Pt{5, 6}
	p := a.(Pt)
	p.X = 100
	fmt.Println(a, p)
	fmt.Println(a.(Pt).Y)
	var b any = a
	fmt.Println(b)
	a = "str"
	fmt.Println(b, a)
	list := []any{1, "a", 2, "b", 3}
	sum := 0
	str := ""
	for _, v := range list {
		if i, ok := v.(int); ok {
			sum += i
		} else if s, ok := v.(string); ok {
			str += s
		}
	}
	fmt.Println(sum, str)
}

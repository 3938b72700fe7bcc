package main

import "fmt"

// Every kind of runtime error raised between open-coded defers and recovered: the calls
// deferred before the fault run (last first), the ones after it are never pushed, and
// the recovered value prints with Go's message.

type box struct{ v int }

var trace string

func t(s string, v int) { trace += fmt.Sprint(s, v, " ") }

func fault(kind, k int) (res string) {
	defer func() {
		if r := recover(); r != nil {
			res = fmt.Sprint("recovered: ", r)
		}
	}()
	s := []int{10, 20, 30}
	var p *box
	var a any = "str"
	defer t("before", kind)
	if k > 0 {
		defer t("cond", k)
	}
	switch kind {
	case 0:
		k = s[k+2]
	case 1:
		k = p.v
	case 2:
		k = 100 / (k - 1)
	case 3:
		s = s[1 : k+3]
	case 4:
		k = a.(int)
	case 5:
		s = s[k+1 : 1]
	case 6:
		var e any
		k = e.(int)
	case 7:
		var q *int
		*q = k
	case 8:
		k = s[:2][k+2]
	case 9:
		str := "abc"
		k = int(str[k+3])
	}
	defer t("after", k)
	return fmt.Sprint("no fault: ", k, len(s))
}

func main() {
	for kind := range 10 {
		for _, k := range []int{0, 1} {
			r := fault(kind, k)
			fmt.Printf("kind %d k %d: %s | %s\n", kind, k, r, trace)
			trace = ""
		}
	}
}

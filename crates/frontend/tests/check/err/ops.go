package main

type T struct{ a []int }

func main() {
	var s []int
	var b bool
	var str string
	var t T
	_ = s == s
	_ = b < b
	_ = str - str
	_ = -str
	_ = !1
	if 1 {
	}
	for str {
	}
	_ = str << 1
	_ = t == t
	var i int
	_ = int64(i) + i
	_ = string(s)
	_ = []int(str)
	var e error
	_ = e.(int)
	_ = i.(int)
}

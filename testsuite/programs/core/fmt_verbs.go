package main

import "fmt"

type P struct {
	A int
	B string
}

func main() {
	n := 255
	fmt.Printf("%d|%v|%x|%5d|%-5d|%05d|%T\n", n, n, n, n, n, n, n)
	neg := -42
	fmt.Printf("%d|%x|%5d|%-5d|%05d\n", neg, neg, neg, neg, neg)
	fmt.Printf("%s|%v|%q|%8s|%-8s|%T\n", "go", "go", "go", "go", "go", "go")
	fmt.Printf("%t|%v|%6t|%-6t|%T\n", true, false, true, false, true)
	fmt.Printf("100%%|%d%%\n", 50)
	var u8 uint8 = 200
	var i32 int32 = -5
	var u64 uint64 = 18446744073709551615
	fmt.Printf("%d %x %T | %d %x %T | %d %x %T\n", u8, u8, u8, i32, i32, i32, u64, u64, u64)
	fmt.Printf("%3d|%3d|%3d\n", 1, 22, 4444)
	fmt.Printf("%-3d|%-3d|%-3d|\n", 1, 22, 4444)
	fmt.Printf("%08d|%02d\n", 123, 12345)
	fmt.Printf("%x|%x|%x\n", "hi", 0, 1<<40)
	fmt.Printf("%v|%+v|%T\n", P{1, "x"}, P{1, "x"}, P{})
	fmt.Printf("%v|%T\n", &P{2, "y"}, &P{})
	fmt.Printf("%v|%d|%T\n", []int{1, 2}, []int{3, 4}, []int{})
	fmt.Printf("%q|%v\n", []string{"a b", "c"}, []string{"a b", "c"})
	fmt.Printf("%v|%T\n", nil, nil)
	var e error
	fmt.Printf("%v|%T\n", e, e)
	var a any = 7
	fmt.Printf("%v|%d|%T\n", a, a, a)
	a = "str"
	fmt.Printf("%v|%s|%q|%T\n", a, a, a, a)
	s := fmt.Sprintf("[%5s][%-5s][%5d][%-5d]", "ab", "ab", 42, 42)
	fmt.Println(s, len(s))
	fmt.Printf("%d %d\n", 1, 2)
	fmt.Printf("no verbs\n")
	fmt.Printf("%v %v %v\n", int64(1), int32(2), uint(3))
	fmt.Printf("%x %x\n", -1, uint8(15))
	fmt.Printf("%10q|%-10q|\n", "q", "q")
	fmt.Printf("%5v|%-5v|\n", 12, true)
	fmt.Printf("%s\n", []byte{65, 66, 67})
	fmt.Printf("%T %T %T\n", func() {}, func(int) string { return "" }, func(a, b int) (int, error) { return 0, nil })
}

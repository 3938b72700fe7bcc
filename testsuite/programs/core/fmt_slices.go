package main

import "fmt"

func main() {
	var ni []int
	fmt.Println(ni, []int{}, []int{1})
	fmt.Printf("%v %d %v\n", ni, ni, len(ni))
	fmt.Println([]string{}, []string{""}, []string{"", ""}, []string{"a", "b c"})
	fmt.Printf("%q\n", []string{"", "a\"b"})
	fmt.Println([]bool{true, false})
	bs := []byte{0, 1, 127, 128, 255}
	fmt.Println(bs)
	fmt.Printf("%v %x %d\n", bs, bs, bs)
	var nb []byte
	fmt.Println(nb, len(nb))
	fmt.Printf("%s|%x|%v|%q\n", nb, nb, nb, nb)
	hello := make([]byte, 5)
	copy(hello, "hello")
	fmt.Printf("%s %q %x\n", hello, hello, hello)
	fmt.Println([][]int{{1, 2}, {}, nil, {3}})
	fmt.Println([][]string{{"a"}, {"b", "c"}})
	fmt.Printf("%v\n", [][]byte{{1, 2}, {3}})
	u8 := []uint8{9, 10}
	fmt.Printf("%T %v\n", u8, u8)
	i32s := []int32{-1, 2}
	fmt.Printf("%T %v %x\n", i32s, i32s, i32s)
	u64s := []uint64{18446744073709551615}
	fmt.Println(u64s)
	var anys []any
	anys = append(anys, 1, "two", true, nil, []int{3})
	fmt.Println(anys, len(anys))
	fmt.Printf("%v %T\n", anys, anys)
	fs := []func(){nil}
	fmt.Println(len(fs), fs[0] == nil)
	var nested [][]int
	fmt.Println(nested, len(nested))
	nested = append(nested, nil)
	fmt.Println(nested, len(nested))
	fmt.Printf("%5v|%-5v|\n", []int{1, 2}, []int{3})
	fmt.Printf("%3d\n", []int{1, 22, 333})
}

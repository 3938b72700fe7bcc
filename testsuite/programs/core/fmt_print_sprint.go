package main

import "fmt"

func main() {
	fmt.Print("a", "b", "\n")
	fmt.Print(1, 2, "\n")
	fmt.Print(1, "x", 2, "\n")
	fmt.Print("x", 1, 2, "y", "\n")
	fmt.Print(true, false, "\n")
	fmt.Print(1, true, "\n")
	fmt.Println("a", "b", 1, 2, true)
	s := fmt.Sprint("a", 1, 2, "b", 3)
	fmt.Println(s, len(s))
	s = fmt.Sprint(10, 20, 30)
	fmt.Println(s)
	s = fmt.Sprintln("x", 1, "y")
	fmt.Print(s)
	fmt.Println(len(s))
	s = fmt.Sprint()
	fmt.Println(len(s))
	s = fmt.Sprintln()
	fmt.Println(len(s))
	fmt.Println()
	fmt.Print()
	fmt.Print([]int{1}, []int{2}, "\n")
	fmt.Print("z", []int{1}, 3, "\n")
	n, err := fmt.Println("count me")
	fmt.Println(n, err)
	n, err = fmt.Print("abc\n")
	fmt.Println(n, err == nil)
	n, err = fmt.Printf("%d-%d\n", 1, 2)
	fmt.Println(n, err)
	fmt.Println(fmt.Sprint(1) + fmt.Sprint("2") + fmt.Sprintf("%d", 3))
	parts := ""
	for i := range 5 {
		parts += fmt.Sprint(i * i)
	}
	fmt.Println(parts)
	var u8 uint8 = 7
	fmt.Print(u8, int32(8), "\n")
	fmt.Print(nil, nil, "\n")
	var e error
	fmt.Println(e, nil)
}

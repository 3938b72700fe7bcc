package main

import "fmt"

func at(s []int, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	return s[i], nil
}

func sub(s string, lo, hi int) (out string, err any) {
	defer func() { err = recover() }()
	return s[lo:hi], nil
}

func sl(s []int, lo, hi int) (n int, err any) {
	defer func() { err = recover() }()
	return len(s[lo:hi]), nil
}

func main() {
	s := []int{10, 20, 30}
	fmt.Println(at(s, 1))
	fmt.Println(at(s, 3))
	fmt.Println(at(s, -1+0*len(s)))
	fmt.Println(at(nil, 0))
	fmt.Println(sub("hello", 1, 3))
	fmt.Println(sub("hello", 2, 9))
	fmt.Println(sub("hello", 4, 2))
	big := make([]int, 4, 8)
	fmt.Println(sl(big, 0, 8))
	fmt.Println(sl(big, 0, 9))
	fmt.Println(sl(big, 5, 3))
	fmt.Println(sl(big, 9, 9))
	_, err := at(s, 7)
	fmt.Println("message:", err.Error())
	str := "abc"
	func() {
		defer func() { fmt.Println("string index:", recover()) }()
		i := 5
		fmt.Println(str[i])
	}()
}

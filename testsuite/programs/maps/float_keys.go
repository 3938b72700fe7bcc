package main

import "fmt"

func main() {
	zero := 0.0
	nan := zero / zero
	m := map[float64]string{}
	m[zero] = "zero"
	m[-zero] = "minus zero"
	m[nan] = "nan1"
	m[nan] = "nan2"
	m[1.5] = "one and a half"
	_, found := m[nan]
	fmt.Println(len(m), m[0], found, m[1.5])
	n := 0
	for k, v := range m {
		switch {
		case k != k:
			n++
		case k == 0:
			fmt.Println("zero key:", k, v)
		}
	}
	fmt.Println("nans:", n)

	var f32 = map[float32]int{0.1: 1}
	f32[0.1]++
	fmt.Println(f32)

	keys := map[any]int{}
	keys[zero] = 1
	keys[-zero] += 10
	keys[nan] = 2
	keys[nan] = 3
	keys[float32(2)] = 4
	keys[2.0] = 5
	fmt.Println(len(keys), keys[0.0], keys[float32(2)], keys[2.0])
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var nilmap map[float64]bool
	nilmap[nan] = true
}

package main

import "fmt"

func main() {
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j == 3 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
	found := -1
search:
	for i := 2; i < 100; i++ {
		for d := 2; d*d <= i; d++ {
			if i%d == 0 {
				continue search
			}
		}
		if i > 50 {
			found = i
			break search
		}
	}
	fmt.Println("first prime > 50:", found)
	grid := [][]int{{1, 2, 3}, {4, -5, 6}, {7, 8, -9}}
	negs := 0
rows:
	for r, row := range grid {
		for c, v := range row {
			if v < 0 {
				negs++
				fmt.Println("negative at", r, c)
				continue rows
			}
		}
	}
	fmt.Println(negs)
	count := 0
loop1:
	for {
	loop2:
		for i := range 10 {
			switch {
			case i == 2:
				continue loop2
			case i == 5:
				break loop2
			}
			count++
		}
		count += 100
		if count > 300 {
			break loop1
		}
	}
	fmt.Println(count)
	n := 0
a:
	for i := 0; i < 3; i++ {
	b:
		for j := 0; j < 3; j++ {
			for k := 0; k < 3; k++ {
				n++
				if k == 1 {
					continue b
				}
				if j == 2 {
					continue a
				}
			}
		}
	}
	fmt.Println(n)
	x := 0
sw:
	for i := range 10 {
		switch i {
		case 7:
			break sw
		default:
			x += i
		}
	}
	fmt.Println(x)
}

package main

import (
	"errors"
	"fmt"
)

type Rec struct{ N int }

func safeCall(f func() int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			switch x := r.(type) {
			case error:
				err = x
			case string:
				err = errors.New(x)
			default:
				err = fmt.Errorf("panic: %v", x)
			}
		}
	}()
	return f(), nil
}

func main() {
	data := []int{4, 0, 2}
	var np *Rec
	tasks := []func() int{
		func() int { return 100 / data[0] },
		func() int { return 100 / data[1] },
		func() int { return data[5] },
		func() int { panic("plain string") },
		func() int { panic(7) },
		func() int { panic(errors.New("an error value")) },
		func() int { return np.N },
		func() int { panic(true) },
		func() int { return len(data) },
	}
	okCount := 0
	for i, t := range tasks {
		v, err := safeCall(t)
		if err != nil {
			fmt.Printf("task %d failed: %v\n", i, err)
		} else {
			okCount++
			fmt.Printf("task %d = %d\n", i, v)
		}
	}
	fmt.Println("ok:", okCount)
}

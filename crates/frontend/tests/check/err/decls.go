package main

type T struct{ a int }

func (t T) a() {}
func (t T) M() {}
func (t *T) M() {}
func (i int) N() {}
func f() {}
func f() {}

var v = v

func main() {
	type L struct{ l L }
	for i := range (T{}) {
		_ = i
	}
	for i, j := range 10 {
	}
	switch x := 5; x {
	case 1, 1:
	}
}

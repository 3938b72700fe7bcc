package main

import (
	"errors"
	"fmt"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type reading struct {
	name  string
	value float64
	scale float32
}

// average returns NaN for no samples and recovers from an index panic.
func average(xs []float64, n int) (avg float64, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("average: %v", r)
			avg = -1
		}
	}()
	sum := 0.0
	for i := 0; i < n; i++ {
		sum += xs[i]
	}
	return sum / float64(len(xs)), nil
}

// scaled doubles its named result in a deferred closure.
func scaled(x float64) (r float64) {
	defer func() { r *= 2 }()
	r = x + 0.25
	return r
}

func logValue(label string, v float64) {
	fmt.Printf("%s=%g\n", label, v)
}

func accumulate() (total float32) {
	for _, v := range []float32{0.1, 0.2, 0.3} {
		defer func(x float32) { total += x }(v)
	}
	return 0
}

func divide(a, b float64) (q float64) {
	defer func() {
		fmt.Println("divide", a, b, "=", q)
	}()
	return a / b
}

func mustPositive(x float64) float64 {
	if x < 0 {
		panic(x)
	}
	return x
}

func tryPositive(x float64) (v float64, err error) {
	defer func() {
		if r := recover(); r != nil {
			if f, ok := r.(float64); ok {
				err = errors.New(fmt.Sprint("negative: ", f))
			}
		}
	}()
	return mustPositive(x), nil
}

func main() {
	x := 1.5
	defer logValue("x at defer", x)
	x = 2.75
	defer func() { logValue("x at exit", x) }()

	fmt.Println(average([]float64{1, 2, 3.5}, 3))
	fmt.Println(average([]float64{1, 2}, 3))
	fmt.Println(average(nil, 0))
	fmt.Println(scaled(1), scaled(-0.25))
	fmt.Println(accumulate())
	divide(1, 3)
	divide(1, 0)
	divide(-1, 0)
	divide(0, 0)
	fmt.Println(tryPositive(4))
	fmt.Println(tryPositive(-0.5))

	r := reading{"t", 21.5, 0.5}
	defer fmt.Printf("%v %+v\n", r, r)
	r.value *= float64(r.scale)
	rs := []reading{r, {"u", 1e-9, 1e9}}
	fmt.Println(rs, len(rs))

	var c Celsius = 36.6
	fmt.Println(c, Celsius(-40))
	fmt.Printf("%v %.2f %T\n", c, c, c)
	var vals []any
	vals = append(vals, 1.0, float32(2.5), 3, Celsius(4), "five")
	for _, v := range vals {
		switch t := v.(type) {
		case float64:
			fmt.Println("float64", t)
		case float32:
			fmt.Println("float32", t)
		case Celsius:
			fmt.Println("stringer", t)
		default:
			fmt.Println("other", t)
		}
	}
	fmt.Println(fmt.Sprint(1.5, 2.5, "a", 3.0, 4), fmt.Sprint(x, "=", x))

	// Conversions truncate toward zero; NaN and infinities compare as IEEE.
	f := -3.99
	g, h := 200.7, 1e18
	fmt.Println(int(f), int8(f), uint8(g), int64(h+0.5), uint64(h*9.3))
	nan := 0.0
	nan /= nan
	inf := 1 / (nan - nan + 1) / 0
	fmt.Println(nan == nan, nan != nan, nan < 1, inf > 1e308, -inf < 0, any(nan) == any(nan))
	fmt.Println(any(0.0) == any(-0.0), any(float32(1)) == any(1.0))
	var f32 float32 = 16777216
	f32++
	fmt.Println(f32, f32+1+1, float64(f32)+1)
	big := 1e300
	fmt.Println(big*big, -big*big, big*big-big*big)
	panic(fmt.Sprintf("%.3e", big))
}

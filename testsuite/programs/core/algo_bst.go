package main

import "fmt"

type Tree struct {
	Key         int
	Left, Right *Tree
}

func insert(t *Tree, k int) *Tree {
	if t == nil {
		return &Tree{Key: k}
	}
	if k < t.Key {
		t.Left = insert(t.Left, k)
	} else if k > t.Key {
		t.Right = insert(t.Right, k)
	}
	return t
}

func inorder(t *Tree, visit func(int)) {
	if t == nil {
		return
	}
	inorder(t.Left, visit)
	visit(t.Key)
	inorder(t.Right, visit)
}

func preorder(t *Tree, out *[]int) {
	if t != nil {
		*out = append(*out, t.Key)
		preorder(t.Left, out)
		preorder(t.Right, out)
	}
}

func height(t *Tree) int {
	if t == nil {
		return 0
	}
	return 1 + max(height(t.Left), height(t.Right))
}

func contains(t *Tree, k int) bool {
	for t != nil {
		switch {
		case k < t.Key:
			t = t.Left
		case k > t.Key:
			t = t.Right
		default:
			return true
		}
	}
	return false
}

func size(t *Tree) int {
	if t == nil {
		return 0
	}
	return size(t.Left) + 1 + size(t.Right)
}

func main() {
	var root *Tree
	for _, k := range []int{50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30} {
		root = insert(root, k)
	}
	var keys []int
	inorder(root, func(k int) { keys = append(keys, k) })
	fmt.Println(keys)
	var pre []int
	preorder(root, &pre)
	fmt.Println(pre)
	fmt.Println(height(root), size(root))
	for _, k := range []int{35, 36, 80, 10} {
		fmt.Print(contains(root, k), " ")
	}
	fmt.Println()
	sum := 0
	inorder(root, func(k int) { sum += k })
	fmt.Println(sum)
	var big *Tree
	x := 12345
	for range 5000 {
		x = (x*1103515245 + 12345) % 2147483648
		big = insert(big, x%100000)
	}
	fmt.Println(size(big), height(big))
	prev, ok := -1, true
	inorder(big, func(k int) {
		if k <= prev {
			ok = false
		}
		prev = k
	})
	fmt.Println(ok, prev)
}

// Translation unit that owns the precompiled Torch header reused by the Torch-using core areas.
// Intentionally empty: the PCH is the product.

#include "training/mixup.h"

namespace spectag {

using torch::Tensor;

void appendMixedRows(Tensor &x, std::vector<Tensor> &targets, std::vector<Tensor> &masks, const std::vector<bool> &lossHeads,
                     float lam, const std::vector<int64_t> &partner)
{
    const int64_t B = x.size(0);
    std::vector<int64_t> rows, partners;
    std::vector<Tensor> marked;
    for (size_t h = 0; h < masks.size() && h < lossHeads.size(); ++h)
        if (lossHeads[h])
            marked.push_back(masks[h].contiguous());
    for (int64_t i = 0; i < B; ++i) {
        bool labelled = false;
        for (const Tensor &m : marked)
            labelled = labelled || m.data_ptr<float>()[i] > 0;
        if (labelled) {
            rows.push_back(i);
            partners.push_back(partner[size_t(i)]);
        }
    }
    const Tensor idx = torch::tensor(rows, torch::kLong), pidx = torch::tensor(partners, torch::kLong);
    const int64_t n = int64_t(rows.size());
    if (n > 0)
        x = torch::cat({x, lam * x.index_select(0, idx) + (1 - lam) * x.index_select(0, pidx)});
    for (size_t h = 0; h < masks.size(); ++h) {
        const bool mixed = h < lossHeads.size() && lossHeads[h];
        if (n > 0) {
            const Tensor t = lam * targets[h].index_select(0, idx) + (1 - lam) * targets[h].index_select(0, pidx);
            const Tensor m = mixed ? masks[h].index_select(0, idx) * masks[h].index_select(0, pidx) : torch::zeros({n});
            targets[h] = torch::cat({targets[h], t});
            masks[h] = torch::cat({mixed ? torch::zeros({B}) : masks[h], m});
        } else if (mixed) {
            masks[h] = torch::zeros({B});
        }
    }
}

} // namespace spectag

// Mixup for some heads only (core/training/mixup.h): the mixed copies of an Emotify-like batch's
// rows train the named heads, the original rows every other head, and no head sees both.
#include <torch/torch.h>

#include "training/mixup.h"

#include <QTest>

using namespace spectag;

class TestMixup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Rows 0, 1, 3 are labelled for heads 0 and 1 (genre and mood, as Emotify's excerpts); rows 2
    // and 4 for head 2 only (the quadrant, as 4Q's clips). Mixing for head 0 appends three rows.
    void appendsMixedRowsForTheNamedHeads()
    {
        const int64_t B = 5;
        torch::Tensor x = torch::arange(B * 2, torch::kFloat).reshape({B, 1, 2, 1});
        const torch::Tensor x0 = x.clone();
        std::vector<torch::Tensor> targets{torch::eye(B).narrow(1, 0, 3).contiguous(), torch::rand({B, 4}), torch::rand({B, 2})};
        std::vector<torch::Tensor> masks{torch::tensor({1.f, 1.f, 0.f, 1.f, 0.f}), torch::tensor({1.f, 1.f, 0.f, 1.f, 0.f}),
                                         torch::tensor({0.f, 0.f, 1.f, 0.f, 1.f})};
        const std::vector<torch::Tensor> t0{targets[0].clone(), targets[1].clone(), targets[2].clone()};
        const std::vector<int64_t> partner{3, 0, 4, 1, 2};  // 0 with 3, 1 with 0, 3 with 1; the 4Q rows with each other
        const float lam = 0.75f;

        appendMixedRows(x, targets, masks, {true, false, false}, lam, partner);

        QCOMPARE(x.size(0), B + 3);
        QVERIFY(torch::equal(x.narrow(0, 0, B), x0));  // the original rows are left as they were
        const int64_t rows[] = {0, 1, 3};
        for (int k = 0; k < 3; ++k) {
            const int64_t i = rows[k], p = partner[size_t(i)];
            QVERIFY(torch::allclose(x[B + k], lam * x0[i] + (1 - lam) * x0[p]));
            QVERIFY(torch::allclose(targets[0][B + k], lam * t0[0][i] + (1 - lam) * t0[0][p]));
        }
        // Head 0 (mixed) learns from the appended rows only ...
        QVERIFY(torch::equal(masks[0], torch::tensor({0.f, 0.f, 0.f, 0.f, 0.f, 1.f, 1.f, 1.f})));
        // ... heads 1 and 2 from the original rows only, with their targets untouched.
        QVERIFY(torch::equal(masks[1], torch::tensor({1.f, 1.f, 0.f, 1.f, 0.f, 0.f, 0.f, 0.f})));
        QVERIFY(torch::equal(masks[2], torch::tensor({0.f, 0.f, 1.f, 0.f, 1.f, 0.f, 0.f, 0.f})));
        QVERIFY(torch::equal(targets[1].narrow(0, 0, B), t0[1]));
        QVERIFY(torch::equal(targets[2].narrow(0, 0, B), t0[2]));
        for (const torch::Tensor &t : targets)
            QCOMPARE(t.size(0), B + 3);
    }

    // A batch with no example for the mixed head (all 4Q clips) gets no extra rows; the head it
    // cannot train stays masked and the others are untouched.
    void batchWithoutTheHeadGetsNoRows()
    {
        torch::Tensor x = torch::rand({3, 1, 2, 2});
        std::vector<torch::Tensor> targets{torch::zeros({3, 2}), torch::rand({3, 2})};
        std::vector<torch::Tensor> masks{torch::zeros({3}), torch::ones({3})};
        appendMixedRows(x, targets, masks, {true, false}, 0.5f, {1, 2, 0});
        QCOMPARE(x.size(0), int64_t(3));
        QVERIFY(torch::equal(masks[0], torch::zeros({3})));
        QVERIFY(torch::equal(masks[1], torch::ones({3})));
    }

    // A mixed row keeps its head only where both partners have it (they always do with
    // mixupPartners' pairs; this guards a partner from elsewhere).
    void mixedRowNeedsBothPartnersLabelled()
    {
        torch::Tensor x = torch::rand({2, 1, 1, 1});
        std::vector<torch::Tensor> targets{torch::eye(2)};
        std::vector<torch::Tensor> masks{torch::tensor({1.f, 0.f})};
        appendMixedRows(x, targets, masks, {true}, 0.5f, {1, 0});
        QCOMPARE(x.size(0), int64_t(3));
        QVERIFY(torch::equal(masks[0], torch::tensor({0.f, 0.f, 0.f})));
    }
};

QTEST_GUILESS_MAIN(TestMixup)
#include "tst_mixup.moc"
